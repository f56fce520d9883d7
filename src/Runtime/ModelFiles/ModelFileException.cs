using System.IO;

namespace StaticNet;

/// <summary>
/// A model file is malformed or was made for another network. The message names what is wrong and where (the tensor,
/// the expected and the found shape or value); the network being loaded is left exactly as it was. An
/// <see cref="IOException"/>, so that one handler can catch a missing, unreadable or bad file.
/// </summary>
public sealed class ModelFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in the user's terms.</param>
    /// <param name="tensorName">The tensor at fault, if one is.</param>
    public ModelFileException(string message, string? tensorName = null)
        : base(message)
    {
        TensorName = tensorName;
    }

    /// <summary>The name of the tensor at fault (e.g. <c>0.weight</c>), or null when the fault is in the file as a whole.</summary>
    public string? TensorName { get; }
}
