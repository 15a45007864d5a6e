"""Spreadsheet files as rows: recognising a file by its content, finding the header row, the
.xlsx/CSV readers, and the streaming .xlsx writer the reports use."""
