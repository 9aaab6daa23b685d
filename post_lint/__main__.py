from .cli import main

# The usage line and messages name the command users type, not `python -m post_lint`.
main(prog_name="post-lint")
