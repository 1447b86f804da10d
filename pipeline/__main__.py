"""`python -m pipeline` runs the partnerdocs command line."""

from pipeline.cli import main

main(prog_name="partnerdocs")
