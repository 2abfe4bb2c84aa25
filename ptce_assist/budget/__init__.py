"""The provisional budget of the (future) PTCE."""
