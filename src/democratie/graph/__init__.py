"""The stakeholder graph: a networkx multigraph built from a landscape, and its analyses."""
