// TensorFiles: .npy and safetensors.
