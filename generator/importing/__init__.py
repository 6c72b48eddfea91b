"""Import records from other status tools: read an export, map it to record texts, verify them and write them."""
