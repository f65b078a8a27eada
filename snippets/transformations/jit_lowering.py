"""What XLA receives: the jaxpr lowered to StableHLO, and the program XLA compiles from it."""

from snippets.transformations.jit_tracing import traced

# [START lower]
lowered = traced.lower()
print(lowered.as_text())
# [END lower]

# [START compile]
import re

compiled = lowered.compile()
optimized_hlo = compiled.as_text()
# Skip the tables of source files at the top; drop the per-operation
# source metadata, which names files on the build machine.
computations = optimized_hlo[optimized_hlo.index("\n%") + 1 :]
print(re.sub(r", metadata=\{[^}]*\}", "", computations))
# [END compile]

# The same expressions as the page's glue cell.
fusion_calls = computations.split("ENTRY")[1].count(" fusion(")
fused_opcodes = [
    op
    for op in re.findall(
        r"\] ?\S* (\w+)\(", computations.split("ENTRY")[0]
    )
    if op != "parameter"
]
