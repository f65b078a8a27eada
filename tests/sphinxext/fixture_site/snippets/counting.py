"""Fixture snippet used only by the second page."""

# [START total]
total = sum(range(5))
print("total", total)
# [END total]
