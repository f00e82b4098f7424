"""qprune's PyTorch companion: scores, cost model, slimming and an external evaluator for any nn.Module.

Modules (each runnable as ``python3 -m qprune_torch.<name>``): ``scores`` (the ``--scores`` JSON
for ``qprune prune``), ``slim`` (applies ``mask.json`` by physically removing channels), ``eval``
(the external evaluator ``qprune refine --evaluator`` talks to), ``train_demo`` (a small CNN on
Fashion-MNIST). ``graph`` finds the prunable channel groups with torch.fx; ``tasks`` loads a user's
model, data and loss. Only torch and numpy are needed.
"""
