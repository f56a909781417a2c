"""Offline Leaflet maps: the renderer, its payload and geometry, and synchronised side-by-side maps."""
