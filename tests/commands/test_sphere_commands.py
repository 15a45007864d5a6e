"""Sphere commands: add, rename and delete, each pushed, undone and redone."""

from __future__ import annotations

import pytest

from editor.commands.base import push
from editor.commands.spheres import AddSphere, DeleteSphere, RenameSphere
from editor.core import spheres
from editor.core.spheres import SphereError
from editor.db.models import Organization, Sphere


def test_add_sphere_round_trip(catalogue, store, stack, qtbot):
    culture = spheres.find("Культура")
    command = AddSphere(store, "Кинотеатры", culture)
    with qtbot.waitSignal(store.spheresChanged):
        assert push(stack, command) is None
    created = spheres.find("Кинотеатры")
    assert Sphere.get_by_id(created).parent_id == culture
    stack.undo()
    assert spheres.find("Кинотеатры") is None
    stack.redo()
    assert spheres.find("Кинотеатры") == created


def test_rename_sphere_round_trip_keeps_aliases_exact(catalogue, store, stack):
    museums = spheres.find("Музеи")
    before = Sphere.get_by_id(museums).aliases
    assert push(stack, RenameSphere(store, museums, "Музеи и галереи")) is None
    assert spheres.labels()[museums].endswith("Музеи и галереи")
    assert spheres.find("Музеи") == museums  # the old name is kept as an alias
    stack.undo()
    assert (Sphere.get_by_id(museums).name, Sphere.get_by_id(museums).aliases) == ("Музеи", before)
    stack.redo()
    assert Sphere.get_by_id(museums).name == "Музеи и галереи"


def test_delete_sphere_round_trip_and_refusal_when_used(catalogue, store, stack):
    culture = spheres.find("Культура")
    children = Sphere.select().where(Sphere.parent == culture).count()
    assert push(stack, DeleteSphere(store, culture)) is None
    assert spheres.find("Культура") is None
    stack.undo()
    assert spheres.find("Культура") == culture
    assert Sphere.select().where(Sphere.parent == culture).count() == children

    stack.clear()
    Organization.update(sphere1=spheres.find("Музеи")).where(
        Organization.id == catalogue.organizations[0]
    ).execute()
    error = push(stack, DeleteSphere(store, culture))
    assert error and "используется" in error
    with pytest.raises(SphereError):
        AddSphere(store, " ")
