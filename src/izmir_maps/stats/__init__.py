"""Spatial statistics: contiguity weights, global Moran's I and local LISA clusters."""
