"""postmortems rules."""
