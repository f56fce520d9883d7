using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using StaticNet;
using FashionMnistSample;

var epochsOption = new Option<int>("--epochs") { Description = "Number of passes over the training set.", DefaultValueFactory = _ => 10 };
var dataOption = new Option<DirectoryInfo?>("--data") { Description = "Folder with the four Fashion-MNIST .gz files (default: the Debian package's folder, else the slice shipped in the repository)." };
var batchOption = new Option<int>("--batch") { Description = "Samples per training step.", DefaultValueFactory = _ => 64 };
var seedOption = new Option<int>("--seed") { Description = "Seed of the weight initialisation and the shuffling.", DefaultValueFactory = _ => 1 };

var root = new RootCommand("Trains a 784-256-128-10 ReLU MLP (Softmax + CrossEntropy, Adam lr 1e-3) on Fashion-MNIST with StaticNet.")
{
    epochsOption, dataOption, batchOption, seedOption,
};
root.SetAction(parsed => Train(parsed.GetValue(epochsOption), parsed.GetValue(dataOption), parsed.GetValue(batchOption), parsed.GetValue(seedOption)));
return root.Parse(args).Invoke();

static int Train(int epochs, DirectoryInfo? dataOption, int batchSize, int seed)
{
    // Checked here rather than in option validators: a validator that reads the value throws on unparsable text.
    if (epochs < 1 || batchSize < 1)
    {
        Console.Error.WriteLine(epochs < 1 ? $"--epochs must be at least 1; it is {epochs}." : $"--batch must be at least 1; it is {batchSize}.");
        return 1;
    }

    string? directory = DataDirectory.Find(dataOption);
    if (directory is null)
    {
        return 1;
    }

    Dataset training, test;
    try
    {
        training = FashionMnist.LoadTraining(directory);
        test = FashionMnist.LoadTest(directory);
    }
    catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
    {
        // A bad file is the user's to fix: say which and why, without a stack trace.
        Console.Error.WriteLine($"Cannot load Fashion-MNIST from {directory}: {ex.Message}");
        return 1;
    }

    Console.WriteLine($"Data: {training.Count:N0} training and {test.Count:N0} test images from {directory}");
    Console.WriteLine(FashionMlp.Summary);

    var network = new FashionMlp(seed);
    var batches = new BatchIterator(training, batchSize);
    var shuffle = new Random(seed);
    var total = Stopwatch.StartNew();
    for (int epoch = 1; epoch <= epochs; epoch++)
    {
        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        batches.Shuffle(shuffle);
        while (batches.MoveNext())
        {
            // Weight each batch's mean loss by its size so the last, smaller batch counts fairly.
            lossSum += network.TrainStep(batches.Inputs, batches.Labels, batches.Size) * (double)batches.Size;
        }

        double seconds = clock.Elapsed.TotalSeconds;
        double accuracy = Metrics.Accuracy(network, test);
        Console.WriteLine($"epoch {epoch,2}/{epochs}  loss {lossSum / training.Count:F4}  test accuracy {accuracy:F4}  {seconds:F1} s  {training.Count / seconds:N0} samples/s");
    }

    Console.WriteLine($"Final test accuracy: {Metrics.Accuracy(network, test):F4} ({total.Elapsed.TotalSeconds:F1} s in all)");
    return 0;
}
