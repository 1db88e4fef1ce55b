using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MovieGpt.Server.Extensions;

/// <summary>
/// One log entry per request, written when the response is complete: method, path, status, milliseconds and response
/// bytes. Never headers, bodies or the query string, which can carry what people typed (a search, a review). Its level
/// is <see cref="RequestLogOptions.Level"/>; the "Logging" section still decides whether that level is written.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, IOptions<RequestLogOptions> options, ILoggerFactory loggers)
{
    /// <summary>The category of the entries.</summary>
    public const string Category = "MovieGpt.Server.RequestLog";

    private readonly LogLevel _level = options.Value.Level;
    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext http)
    {
        if (_level == LogLevel.None || !_logger.IsEnabled(_level))
        {
            await next(http);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var counter = new ResponseByteCounter(http.Features.GetRequiredFeature<IHttpResponseBodyFeature>());
        http.Features.Set<IHttpResponseBodyFeature>(counter);
        try
        {
            await next(http);
        }
        finally
        {
            http.Features.Set(counter.Inner);
            // An unhandled error is answered 500 by the exception handler before this runs.
            Request(_logger, _level, http.Request.Method, http.Request.Path.Value ?? "/", http.Response.StatusCode,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2), counter.Bytes);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Message = "{Method} {Path} {StatusCode} {ElapsedMs} ms {Bytes} B")]
    private static partial void Request(ILogger logger, LogLevel level, string method, string path, int statusCode, double elapsedMs, long bytes);

    /// <summary>Counts what the response writes, through its pipe, its stream or a file it sends.</summary>
    private sealed class ResponseByteCounter(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        private CountingStream? _stream;
        private CountingPipeWriter? _writer;
        private long _files;

        public IHttpResponseBodyFeature Inner => inner;

        public long Bytes => (_stream?.Count ?? 0) + (_writer?.Count ?? 0) + _files;

        public Stream Stream => _stream ??= new CountingStream(inner.Stream);

        public PipeWriter Writer => _writer ??= new CountingPipeWriter(inner.Writer);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task CompleteAsync() => inner.CompleteAsync();

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            _files += count ?? new FileInfo(path).Length - offset;
            return inner.SendFileAsync(path, offset, count, cancellationToken);
        }
    }

    private sealed class CountingPipeWriter(PipeWriter inner) : PipeWriter
    {
        public long Count { get; private set; }

        public override void Advance(int bytes)
        {
            Count += bytes;
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Count += count;
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Count += buffer.Length;
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count += count;
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return inner.WriteAsync(buffer, cancellationToken);
        }
    }
}
