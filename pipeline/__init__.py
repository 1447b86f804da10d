"""partnerdocs: turn a partnership's YAML into its documents."""

__version__ = "0.2.0"
