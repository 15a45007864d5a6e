"""The store: peewee models, opening and migrating catalogue files, the single-writer lock.
It imports nothing of the layers above; its errors carry data, and core words them."""
