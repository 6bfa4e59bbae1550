"""newsclean's benchmark: `python -m bench` (see README, "Performance").

Every figure is a median over repeated runs, and every ratio compares two pipelines measured
in the same run, on the same documents, interleaved round by round, because the machines
this runs on are shared and noisy: absolute docs/s move with the neighbours' load, ratios
measured side by side much less.
"""
