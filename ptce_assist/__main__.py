import os
import sys

from ptce_assist.cli import main

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:
    # `... | head` closed the pipe: not an error of ours; silence the flush at exit too.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 0
sys.exit(code)
