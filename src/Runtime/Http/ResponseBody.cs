using System.Buffers;

namespace ModelArts.Runtime.Http;

/// <summary>
/// An answer's body read once from the content stream into a pooled buffer, up to a limit: no buffering by
/// HttpClient, no second copy. Dispose returns the buffer to the pool.
/// </summary>
internal struct ResponseBody : IDisposable
{
    private const int FirstBufferSize = 16 * 1024;

    private byte[]? _buffer;

    private ResponseBody(byte[]? buffer, int length, bool truncated, long? declaredLength)
    {
        _buffer = buffer;
        Length = length;
        Truncated = truncated;
        DeclaredLength = declaredLength;
    }

    /// <summary>Bytes read.</summary>
    public int Length { get; }

    /// <summary>Reading stopped at the limit with more to come (error bodies only).</summary>
    public bool Truncated { get; }

    /// <summary>The <c>Content-Length</c> the answer declared.</summary>
    public long? DeclaredLength { get; }

    /// <summary>The length of the whole body the service sent, when known.</summary>
    public readonly long? FullLength => DeclaredLength ?? (Truncated ? null : Length);

    public readonly ReadOnlySpan<byte> Span => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, 0, Length);

    /// <summary>
    /// Reads the body. Past <paramref name="limit"/> bytes it either stops (<paramref name="truncate"/>: error bodies, of
    /// which a prefix is kept) or throws <see cref="ResponseTooLargeException"/> without reading further.
    /// </summary>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent? content, long limit, bool truncate, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return default;
        }

        var declared = content.Headers.ContentLength;
        if (declared > limit && !truncate)
        {
            throw new ResponseTooLargeException(limit, declared);
        }

        var cap = (int)Math.Min(limit, int.MaxValue - 64);
        var initial = declared is { } size ? (int)Math.Min(size, cap) : Math.Min(FirstBufferSize, cap);
#if NET
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // One byte more than the limit is room to notice an answer that goes on past it.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, cap);
                }

#if NET
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    return new ResponseBody(buffer, length, truncated: false, declared);
                }

                length += read;
                if (length > limit)
                {
                    if (!truncate)
                    {
                        throw new ResponseTooLargeException(limit, declared);
                    }

                    return new ResponseBody(buffer, (int)limit, truncated: true, declared);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int cap)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)cap + 1));
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}

/// <summary>An answer longer than the limit; the pipeline turns it into a <see cref="ModelArtsApiException"/>.</summary>
internal sealed class ResponseTooLargeException(long limit, long? declared)
    : Exception(declared is { } length
        ? $"the answer declares {length} bytes, more than the {limit} bytes allowed (ModelArtsClientOptions.MaxResponseBytes)"
        : $"the answer is longer than the {limit} bytes allowed (ModelArtsClientOptions.MaxResponseBytes)")
{
    public long? Declared { get; } = declared;
}
