using System;
using System.IO;

namespace StaticNet.SaveHost;

/// <summary>
/// Saves two models (seeds 1 and 2) in turn to the file named on the command line, forever: ModelFileCrashTests kills
/// it at random moments and checks that the file always loads as one of the two whole models.
/// </summary>
/// <remarks>Prints <c>saving</c> after a first save, when the code is compiled and saves take their usual time. Exit code 1: bad command line.</remarks>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: StaticNet.SaveHost <file>");
            return 1;
        }

        // The first save (model 1, which the file already holds) compiles the code; then the loop alternates 2, 1, 2...
        var models = new[] { new CrashSaveNet(1), new CrashSaveNet(2) };
        ModelFile.Save(models[0], args[0]);
        Console.WriteLine("saving");
        Console.Out.Flush();
        for (long i = 1; ; i++)
        {
            ModelFile.Save(models[i % 2], args[0]);
        }
    }
}

/// <summary>784-256-10, about 800 KB on disk: a save takes long enough to be killed in the middle.</summary>
[Network(InputSize = 784)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class CrashSaveNet { }
