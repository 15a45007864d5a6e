"""Registration lists of seminars: their columns, matching participants to organisations, and the
import that adds seminars, participants and attendances without doubling anything."""
