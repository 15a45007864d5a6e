"""Qt item models over core: the lazy territory tree and the paged page table."""
