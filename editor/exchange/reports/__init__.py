"""Reports for ministries: what a report covers (its scope) and the workbooks written for it."""
