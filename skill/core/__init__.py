"""The pure core: what the person did and the state in, the reply out. No SDK, web or store."""
