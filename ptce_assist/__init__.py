"""ptce-assist: help candidates write their AMI PTCE application within the call's limits."""

__version__ = "0.1.0"
