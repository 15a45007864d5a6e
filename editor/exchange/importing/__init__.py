"""The import engine: matching spreadsheet rows (or another catalogue) against the catalogue,
deciding what each row does, writing it as one undoable batch, and reporting what happened."""
