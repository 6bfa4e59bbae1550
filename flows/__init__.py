"""newsclean's orchestration: Prefect flows and tasks, sources, storage, reports and the CLI.

Everything that touches the outside world lives here; the cleaning itself is `cleaners`.
"""
