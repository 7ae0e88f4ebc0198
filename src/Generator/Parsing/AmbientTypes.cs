namespace ModelArts.Generator.Parsing;

/// <summary>
/// The non-generic public types of the namespaces the .NET SDK's implicit usings import into every C# file (System,
/// System.IO, System.Collections.Generic, System.Linq, System.Net.Http, System.Threading, System.Threading.Tasks). A
/// generated type of the same name would make that name ambiguous in the consumer's code (CS0104): a schema named
/// <c>Task</c> breaks every <c>async Task</c> method of a file that imports the document's namespace.
/// </summary>
internal static class AmbientTypes
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "AbandonedMutexException", "AccessViolationException", "Action", "Activator", "AggregateException", "ApartmentState", "AppContext",
        "AppDomain", "AppDomainSetup", "AppDomainUnloadedException", "ApplicationException", "ApplicationId", "ArgIterator",
        "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException", "ArithmeticException", "Array",
        "ArrayTypeMismatchException", "AssemblyLoadEventArgs", "AssemblyLoadEventHandler", "AsyncCallback", "AsyncFlowControl", "Attribute",
        "AttributeTargets", "AttributeUsageAttribute", "AutoResetEvent", "BadImageFormatException", "Base64FormattingOptions",
        "BinaryReader", "BinaryWriter", "BitConverter", "Boolean", "Buffer", "BufferedStream", "Byte", "ByteArrayContent",
        "ByteEqualityComparer", "CLSCompliantAttribute", "CancellationToken", "CancellationTokenRegistration", "CancellationTokenSource",
        "CannotUnloadAppDomainException", "Char", "CharEnumerator", "ClientCertificateOption", "CollectionExtensions", "CompressedStack",
        "ConcurrentExclusiveSchedulerPair", "ConfigureAwaitOptions", "Console", "ConsoleCancelEventArgs", "ConsoleCancelEventHandler",
        "ConsoleColor", "ConsoleKey", "ConsoleKeyInfo", "ConsoleModifiers", "ConsoleSpecialKey", "ContextBoundObject", "ContextCallback",
        "ContextMarshalException", "ContextStaticAttribute", "Convert", "CultureAwareComparer", "DBNull", "DataMisalignedException",
        "DateOnly", "DateTime", "DateTimeKind", "DateTimeOffset", "DayOfWeek", "Decimal", "Delegate", "DelegatingHandler", "Directory",
        "DirectoryInfo", "DirectoryNotFoundException", "DivideByZeroException", "DllNotFoundException", "Double",
        "DuplicateWaitObjectException", "EndOfStreamException", "EntryPointNotFoundException", "Enum", "Enumerable", "EnumerationOptions",
        "Environment", "EnvironmentVariableTarget", "EventArgs", "EventHandler", "EventResetMode", "EventWaitHandle", "Exception",
        "ExecutionContext", "ExecutionEngineException", "FieldAccessException", "File", "FileAccess", "FileAttributes", "FileInfo",
        "FileLoadException", "FileMode", "FileNotFoundException", "FileOptions", "FileShare", "FileStream", "FileStreamOptions",
        "FileStyleUriParser", "FileSystemInfo", "FlagsAttribute", "FormUrlEncodedContent", "FormatException", "FormattableString",
        "FtpStyleUriParser", "GC", "GCCollectionMode", "GCGenerationInfo", "GCKind", "GCMemoryInfo", "GCNotificationStatus",
        "GenericUriParser", "GenericUriParserOptions", "GopherStyleUriParser", "Guid", "Half", "HandleInheritability", "HashCode",
        "HttpClient", "HttpClientHandler", "HttpCompletionOption", "HttpContent", "HttpIOException", "HttpKeepAlivePingPolicy",
        "HttpMessageHandler", "HttpMessageInvoker", "HttpMethod", "HttpProtocolException", "HttpRequestError", "HttpRequestException",
        "HttpRequestMessage", "HttpRequestOptions", "HttpResponseMessage", "HttpStyleUriParser", "HttpVersionPolicy", "IAsyncDisposable",
        "IAsyncResult", "ICloneable", "IComparable", "IConvertible", "ICustomFormatter", "IDisposable", "IFormatProvider", "IFormattable",
        "IOCompletionCallback", "IOException", "ISpanFormattable", "IThreadPoolWorkItem", "ITimer", "IUtf8SpanFormattable", "Index",
        "IndexOutOfRangeException", "InsufficientExecutionStackException", "InsufficientMemoryException", "Int128", "Int16", "Int32",
        "Int64", "IntPtr", "Interlocked", "InvalidCastException", "InvalidDataException", "InvalidOperationException",
        "InvalidProgramException", "InvalidTimeZoneException", "KeyNotFoundException", "KeyValuePair", "LazyInitializer",
        "LazyThreadSafetyMode", "LdapStyleUriParser", "LoaderOptimization", "LoaderOptimizationAttribute", "LocalDataStoreSlot", "Lock",
        "LockRecursionException", "LockRecursionPolicy", "MTAThreadAttribute", "ManualResetEvent", "ManualResetEventSlim",
        "MarshalByRefObject", "MatchCasing", "MatchType", "Math", "MathF", "MemberAccessException", "MemoryExtensions", "MemoryStream",
        "MessageProcessingHandler", "MethodAccessException", "MidpointRounding", "MissingFieldException", "MissingMemberException",
        "MissingMethodException", "ModuleHandle", "Monitor", "MulticastDelegate", "MulticastNotSupportedException", "MultipartContent",
        "MultipartFormDataContent", "Mutex", "NamedWaitHandleOptions", "NativeOverlapped", "NetPipeStyleUriParser", "NetTcpStyleUriParser",
        "NewsStyleUriParser", "NonRandomizedStringEqualityComparer", "NonSerializedAttribute", "NotFiniteNumberException",
        "NotImplementedException", "NotSupportedException", "NullReferenceException", "Nullable", "Object", "ObjectDisposedException",
        "ObsoleteAttribute", "OperatingSystem", "OperationCanceledException", "OrdinalComparer", "OutOfMemoryException",
        "OverflowException", "Overlapped", "Parallel", "ParallelLoopResult", "ParallelLoopState", "ParallelOptions", "ParamArrayAttribute",
        "ParameterizedThreadStart", "Path", "PathTooLongException", "PeriodicTimer", "PlatformID", "PlatformNotSupportedException",
        "PreAllocatedOverlapped", "Random", "RandomAccess", "Range", "RankException", "ReadOnlyMemoryContent", "ReaderWriterLockSlim",
        "ReferenceEqualityComparer", "RegisteredWaitHandle", "ResolveEventArgs", "ResolveEventHandler", "RuntimeArgumentHandle",
        "RuntimeFieldHandle", "RuntimeMethodHandle", "RuntimeTypeHandle", "SByte", "STAThreadAttribute", "SearchOption", "SeekOrigin",
        "Semaphore", "SemaphoreFullException", "SemaphoreSlim", "SendOrPostCallback", "SerializableAttribute", "Single",
        "SocketsHttpConnectionContext", "SocketsHttpHandler", "SocketsHttpPlaintextStreamFilterContext", "SpinLock", "SpinWait",
        "StackOverflowException", "Stream", "StreamContent", "StreamReader", "StreamWriter", "String", "StringComparer", "StringComparison",
        "StringContent", "StringNormalizationExtensions", "StringReader", "StringSplitOptions", "StringWriter", "SynchronizationContext",
        "SynchronizationLockException", "SystemException", "Task", "TaskAsyncEnumerableExtensions", "TaskCanceledException",
        "TaskCompletionSource", "TaskContinuationOptions", "TaskCreationOptions", "TaskExtensions", "TaskFactory", "TaskScheduler",
        "TaskSchedulerException", "TaskStatus", "TaskToAsyncResult", "TextReader", "TextWriter", "Thread", "ThreadAbortException",
        "ThreadExceptionEventArgs", "ThreadExceptionEventHandler", "ThreadInterruptedException", "ThreadPool", "ThreadPoolBoundHandle",
        "ThreadPriority", "ThreadStart", "ThreadStartException", "ThreadState", "ThreadStateException", "ThreadStaticAttribute", "TimeOnly",
        "TimeProvider", "TimeSpan", "TimeZone", "TimeZoneInfo", "TimeZoneNotFoundException", "Timeout", "TimeoutException", "Timer",
        "TimerCallback", "Tuple", "TupleExtensions", "Type", "TypeAccessException", "TypeCode", "TypeInitializationException",
        "TypeLoadException", "TypeUnloadedException", "TypedReference", "UInt128", "UInt16", "UInt32", "UInt64", "UIntPtr",
        "UnauthorizedAccessException", "UnhandledExceptionEventArgs", "UnhandledExceptionEventHandler", "UnitySerializationHolder",
        "UnixFileMode", "UnmanagedMemoryAccessor", "UnmanagedMemoryStream", "UnobservedTaskExceptionEventArgs", "Uri", "UriBuilder",
        "UriComponents", "UriCreationOptions", "UriFormat", "UriFormatException", "UriHostNameType", "UriKind", "UriParser", "UriPartial",
        "ValueTask", "ValueTuple", "ValueType", "Version", "Void", "Volatile", "WaitCallback", "WaitHandle",
        "WaitHandleCannotBeOpenedException", "WaitHandleExtensions", "WaitOrTimerCallback", "WeakReference",
    };

    /// <summary>
    /// <paramref name="name"/>, or, when a file with implicit usings already sees a type of that name, the name with
    /// <paramref name="suffix"/> (<c>Task</c> → <c>TaskObject</c>, <c>TaskStatus</c> → <c>TaskStatusOption</c>).
    /// </summary>
    public static string Avoid(string name, string suffix) => Names.Contains(name) ? name + suffix : name;
}
