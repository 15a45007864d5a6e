"""Domain services without widgets: records, territories, spheres, normalisation, search,
roll-ups, the change log. Every query the editor and the command line make lives here."""
