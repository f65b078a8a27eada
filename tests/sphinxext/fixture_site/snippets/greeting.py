"""Fixture snippet: a value the page prints."""

# [START shout]
WORD = "hello"
print(WORD.upper())
# [END shout]


def fail():
    # [START fails]
    int("not a number")
    # [END fails]
