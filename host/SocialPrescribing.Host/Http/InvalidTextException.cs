using System.Text.Json;

namespace SocialPrescribing.Host.Http;

/// <summary>A string in a request body that breaks <see cref="TextConverter"/>'s rule; its message names the character, never the text.</summary>
internal sealed class InvalidTextException : JsonException
{
    public InvalidTextException()
    {
    }

    public InvalidTextException(string message)
        : base(message)
    {
    }

    public InvalidTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
