import LabShell
print("lstmlab")
