namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>The console's words, in <c>ConsoleText.resx</c> (English) and <c>ConsoleText.fr.resx</c> (French).</summary>
internal sealed class ConsoleText;
