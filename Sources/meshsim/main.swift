import MeshsimCLI
