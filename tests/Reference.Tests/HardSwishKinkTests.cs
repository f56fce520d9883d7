using StaticNet.Reference.Tests.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Reference.Tests;

// The kinks exactly and the floats on either side: PyTorch 2.7+ takes the limits from outside (pytorch/pytorch#148049).
public sealed class HardSwishKinkTests(ITestOutputHelper output)
{
    [Fact]
    public void HardSwishBackward_AtTheKinks_MatchesTorch()
    {
        var activation = new ActivationUnderTest("HardSwish (kinks)", ActivationFunctions.HardSwish, ActivationFunctions.HardSwishBackward,
            z => TorchSharp.torch.nn.functional.hardswish(z));
        float[] z = [-3f, 3f, System.MathF.BitDecrement(-3f), System.MathF.BitIncrement(-3f), System.MathF.BitDecrement(3f), System.MathF.BitIncrement(3f)];
        output.WriteLine(ActivationReference.Check(activation, z, [1f, 1f, 1f, 1f, 1f, 1f]));
    }
}
