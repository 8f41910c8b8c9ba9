"""The command line: examples, malformed input, files."""
