private const string Name = "Samples.IrisNet";
private const int InputSize = 4, OutputSize = 3, ParameterBufferLength = 144, MaxBatchSize = 134217724;

// Each tensor starts on a 64-byte line (offsets in the header); the padding is zero until written, and never read.
private readonly AlignedBuffer _parameters = new(ParameterBufferLength);
private readonly AlignedBuffer _gradients = new(ParameterBufferLength);
private readonly float[] _w1Transposed = new float[48]; // W1ᵀ for the input-gradient kernel
private readonly float[] _logitScratch = new float[OutputSize];
// Workspaces of [batch x units], grown to the largest batch seen:
// activations a, gradients dz, logits z (last layer).
private float[] _a0 = Array.Empty<float>(), _dz0 = Array.Empty<float>();
private float[] _a1 = Array.Empty<float>(), _dz1 = Array.Empty<float>();
private int _forwardCapacity, _backwardCapacity;
private long _stepCount;
private UseGuard _guard;
private float _learningRate = 0.001f;
private float _l2Strength = 0.001f;
