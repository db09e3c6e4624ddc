import LSTMCore
