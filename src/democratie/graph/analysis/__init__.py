"""Analyses of the stakeholder graph: champions, brokers, krachtenveld, coverage, cohesion."""
