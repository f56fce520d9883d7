using System;
using System.IO;
using StaticNet;

namespace FashionMnistSample;

/// <summary>Chooses where the data comes from: --data, else the Debian package, else the slice in the repository.</summary>
internal static class DataDirectory
{
    private const string SliceFolder = "data/fashion-mnist-slice";

    /// <summary>The folder to load, or null after printing why there is none.</summary>
    public static string? Find(DirectoryInfo? requested)
    {
        if (requested is not null)
        {
            if (FashionMnist.Exists(requested.FullName))
            {
                return requested.FullName;
            }

            Console.Error.WriteLine($"--data {requested.FullName}: the folder must hold {FashionMnist.TrainingImagesFileName}, {FashionMnist.TrainingLabelsFileName}, {FashionMnist.TestImagesFileName} and {FashionMnist.TestLabelsFileName}.");
            return null;
        }

        if (FashionMnist.Exists(FashionMnist.DebianDirectory))
        {
            return FashionMnist.DebianDirectory;
        }

        string? slice = FindSlice();
        if (slice is null)
        {
            Console.Error.WriteLine($"No Fashion-MNIST data: install it with 'apt-get install dataset-fashion-mnist', or pass --data DIR.");
            return null;
        }

        Console.WriteLine($"Full Fashion-MNIST not found in {FashionMnist.DebianDirectory}: using the 2,000/1,000-image slice shipped in {slice}.");
        Console.WriteLine("For the full 60,000/10,000 images: 'apt-get install dataset-fashion-mnist', or pass --data DIR.");
        return slice;
    }

    // The slice lives in the repository: look upwards from the executable and from the working directory.
    private static string? FindSlice()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, SliceFolder);
                if (FashionMnist.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
