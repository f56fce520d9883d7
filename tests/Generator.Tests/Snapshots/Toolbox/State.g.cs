private const string Name = "Samples.ToolboxNet";
private const int InputSize = 12, OutputSize = 5, ParameterBufferLength = 1040, MaxBatchSize = 67108862;

// Each tensor starts on a 64-byte line (offsets in the header); the padding is zero until written, and never read.
private readonly AlignedBuffer _parameters = new(ParameterBufferLength);
private readonly AlignedBuffer _gradients = new(ParameterBufferLength);
private readonly AlignedBuffer _firstMoments = new(ParameterBufferLength); // first-moment estimate m
private readonly AlignedBuffer _secondMoments = new(ParameterBufferLength); // second-moment estimate v
private readonly AlignedBuffer _maxSecondMoments = new(ParameterBufferLength); // running maximum of v (AMSGrad)
private readonly float[] _w1Transposed = new float[512]; // W1ᵀ for the input-gradient kernel
private readonly float[] _w2Transposed = new float[80]; // W2ᵀ for the input-gradient kernel
private readonly float[] _logitScratch = new float[OutputSize];
// Workspaces of [batch x units], grown to the largest batch seen:
// activations a, pre-activations z, gradients dz, dropout masks, dropped activations d, logits z (last layer).
private float[] _a0 = Array.Empty<float>(), _z0 = Array.Empty<float>(), _dz0 = Array.Empty<float>();
private float[] _mask0 = Array.Empty<float>(), _dropped0 = Array.Empty<float>();
private float[] _a1 = Array.Empty<float>(), _z1 = Array.Empty<float>(), _dz1 = Array.Empty<float>();
private float[] _a2 = Array.Empty<float>(), _dz2 = Array.Empty<float>();
private int _forwardCapacity, _backwardCapacity;
private long _stepCount;
private ulong _dropoutState;
private UseGuard _guard;
private float _learningRate = 0.001f;
private float _beta1 = 0.9f;
private float _beta2 = 0.999f;
private float _epsilon = 1E-08f;
private float _l1Strength = 1E-05f;
private float _weightDecay = 0.01f;
private float _gradientClipValue = 0.5f;
private float _maxGradientNorm = 1.0f;
private float _labelSmoothing = 0.1f;
private float _dense0DropoutRate = 0.25f;
