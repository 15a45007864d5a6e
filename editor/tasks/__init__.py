"""Background work: a thread-pool runner that carries progress and results back to the GUI."""
