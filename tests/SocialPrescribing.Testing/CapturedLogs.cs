using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Testing;

/// <summary>Every log line written, formatted, with any exception in full, so tests can look for what must not be there.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Entries => [.. _entries];

    public string AllText => string.Join("\n", _entries.Select(e => $"{e.Level} {e.Category}: {e.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception)));
    }
}
