print("cnnviz")
