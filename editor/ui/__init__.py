"""The desktop editor: the main window, views, dialogs and the import wizard (widgets only;
records are read and written through core)."""
