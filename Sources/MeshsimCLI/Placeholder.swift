// placeholder, replaced as the target is written
enum MeshsimCLIPlaceholder {}
