"""Spreadsheets in and out of the catalogue, without widgets: reading municipal files
(`spreadsheet`), the import engine (`importing`), the reports for ministries (`reports`) and the
territory classifiers (`classifiers`); `columns` is the column table they all share.
"""
