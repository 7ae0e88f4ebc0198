namespace ModelArts.SpecExtractor.Tests;

/// <summary>
/// Small pages written for the tests, one per page style of the API reference beyond the data-management
/// chapter: an old-version page and the current page it is replaced by, a page with request headers,
/// nested tables and every kind of table/example disagreement, and a GET page with the request examples
/// that carry no body.
/// </summary>
internal static class StylePages
{
    /// <summary>
    /// The old style: a topic id for a name, "Request Body / Response Body / Sample Request / Sample Response /
    /// Status Code" sections, a URI table of path and query parameters captioned "Parameters", body tables
    /// captioned "Parameters", nested tables captioned "**x** parameters" and cited from Object rows as
    /// "see Table N" (once with a stale number whose link points to another page), no status code anywhere.
    /// </summary>
    public const string OldVersion = """
        :original_name: modelarts_03_0999.html

        .. _modelarts_03_0999:

        Creating a Widget Job
        =====================

        Function
        --------

        This API is used to create a widget job.

        URI
        ---

        POST /v1/{project_id}/widget-jobs?dry_run={dry_run}

        .. table:: **Table 1** Parameters

           ========== ========= ======= ===========
           Parameter  Mandatory Type    Description
           ========== ========= ======= ===========
           project_id Yes       String  Project ID.
           dry_run    No        Boolean Check only.
           ========== ========= ======= ===========

        Request Body
        ------------

        .. table:: **Table 2** Parameters

           +-----------+-----------+---------------+---------------------------------------------------------------+
           | Parameter | Mandatory | Type          | Description                                                   |
           +===========+===========+===============+===============================================================+
           | job_name  | Yes       | String        | Job name.                                                     |
           +-----------+-----------+---------------+---------------------------------------------------------------+
           | config    | Yes       | Object        | Job settings. For details, see :ref:`Table 3 <t__table3>`.    |
           +-----------+-----------+---------------+---------------------------------------------------------------+
           | parameter | No        | Array<Object> | Running parameters. For details, see :ref:`Table 4 <t__t4>`.  |
           +-----------+-----------+---------------+---------------------------------------------------------------+
           | profile   | No        | Object        | Profile. For details, see :ref:`Table 9 <other__table9>`.     |
           +-----------+-----------+---------------+---------------------------------------------------------------+

        .. _t__table3:

        .. table:: **Table 3** **config** parameters

           ================= ========= ======= ====================
           Parameter         Mandatory Type    Description
           ================= ========= ======= ====================
           worker_server_num Yes       Integer Number of workers.
           ================= ========= ======= ====================

        .. _t__t4:

        .. table:: **Table 4** **parameter** parameters

           ========= ========= ====== ===============
           Parameter Mandatory Type   Description
           ========= ========= ====== ===============
           label     No        String Parameter name.
           value     No        String Parameter value.
           ========= ========= ====== ===============

        .. table:: **Table 5** **profile** parameters

           ========= ========= ====== ============
           Parameter Mandatory Type   Description
           ========= ========= ====== ============
           de_type   No        String Environment.
           ========= ========= ====== ============

        Response Body
        -------------

        .. table:: **Table 6** Parameters

           =========== ====== ===========================
           Parameter   Type   Description
           =========== ====== ===========================
           is_success  Boolean Whether the call succeeded.
           job_id      Long   ID of the job.
           create_time Long   Creation time.
           =========== ====== ===========================

        Sample Request
        --------------

        -  The following shows how to create job **TestJob**.

           .. code-block:: text

              POST    https://endpoint/v1/{project_id}/widget-jobs
              {
                  "job_name": "TestJob",
                  "config": { "worker_server_num": 1 },
                  "parameter": [ { "label": "lr", "value": "0.01" } ]
              }

        Sample Response
        ---------------

        .. code-block::

           {
               "is_success": true,
               "job_id": "10",
               "create_time": 1524189990635
           }

        Status Code
        -----------

        For details about the status code, see :ref:`Status Code <modelarts_03_0094>`.
        """;

    /// <summary>The current page of the same task: a declared name, and its own table captioned "Parameter".</summary>
    public const string CurrentVersion = """
        :original_name: CreateWidgetJob.html

        .. _CreateWidgetJob:

        Creating a Widget Job
        =====================

        Function
        --------

        This API is used to create a widget job.

        URI
        ---

        POST /v2/{project_id}/widget-jobs

        .. table:: **Table 1** Path Parameters

           ========== ========= ====== ===========
           Parameter  Mandatory Type   Description
           ========== ========= ====== ===========
           project_id Yes       String Project ID.
           ========== ========= ====== ===========

        Request Parameters
        ------------------

        .. table:: **Table 2** Request body parameters

           ========== ========= ====================================== ===========
           Parameter  Mandatory Type                                   Description
           ========== ========= ====================================== ===========
           name       Yes       String                                 Job name.
           parameters No        Array of :ref:`Parameter <p>` objects  Parameters.
           ========== ========= ====================================== ===========

        .. _p:

        .. table:: **Table 3** Parameter

           ========= ========= ====== ===================
           Parameter Mandatory Type   Description
           ========= ========= ====== ===================
           name      Yes       String Name.
           i18n      No        String Translated names.
           ========= ========= ====== ===================

        Response Parameters
        -------------------

        **Status code: 201**

        .. table:: **Table 4** Response body parameters

           ========= ====== ===========
           Parameter Type   Description
           ========= ====== ===========
           id        String Job ID.
           ========= ====== ===========

        Status Codes
        ------------

        =========== ===========
        Status Code Description
        =========== ===========
        201         Created
        =========== ===========
        """;

    /// <summary>
    /// A current page with a request header table, tables nested five levels deep, Map types, property names
    /// with '/' and '.', one caption on both the request and the response side, a response table without a
    /// "Status code" line (the page's only success status is 201), and a response example that disagrees
    /// with its table in every way the reference does.
    /// </summary>
    public const string Nested = """
        :original_name: CreatePool.html

        .. _CreatePool:

        Creating a Pool
        ===============

        Function
        --------

        This API is used to create a pool.

        URI
        ---

        PATCH /v2/{project_id}/pools/{pool_name}

        .. table:: **Table 1** Path Parameters

           ========== ========= ====== ===========
           Parameter  Mandatory Type   Description
           ========== ========= ====== ===========
           project_id Yes       String Project ID.
           pool_name  Yes       String Pool name.
           ========== ========= ====== ===========

        Request Parameters
        ------------------

        .. table:: **Table 2** Request header parameters

           ============ ========= ====== ===============================
           Parameter    Mandatory Type   Description
           ============ ========= ====== ===============================
           X-Auth-Token Yes       String User token.
           Content-Type Yes       String Application/merge-patch + JSON.
           X-Language   No        String Language.
           ============ ========= ====== ===============================

        .. table:: **Table 3** Request body parameters

           ========= ========= =================================== ===========
           Parameter Mandatory Type                                Description
           ========= ========= =================================== ===========
           metadata  Yes       :ref:`PoolMeta <m>` object          Metadata.
           spec      Yes       :ref:`Level1 <l1>` object           Level 1.
           tags      No        Array of :ref:`Tag <rt>` objects    Tags.
           labels    No        Map<String,String>                  Labels.
           matrix    No        Array of Map<String,Integer> objects Matrix.
           ========= ========= =================================== ===========

        .. _m:

        .. table:: **Table 4** PoolMeta

           ======================== ========= ====== ============
           Parameter                Mandatory Type   Description
           ======================== ========= ====== ============
           os.modelarts/name        Yes       String Pool name.
           os.modelarts/node.prefix No        String Node prefix.
           ======================== ========= ====== ============

        .. _l1:

        .. table:: **Table 5** Level1

           ========= ========= ========================= ===========
           Parameter Mandatory Type                      Description
           ========= ========= ========================= ===========
           level2    No        :ref:`Level2 <l2>` object Level 2.
           ========= ========= ========================= ===========

        .. _l2:

        .. table:: **Table 6** Level2

           ========= ========= ================================== ===========
           Parameter Mandatory Type                               Description
           ========= ========= ================================== ===========
           level3    No        Array of :ref:`Level3 <l3>` objects Level 3.
           ========= ========= ================================== ===========

        .. _l3:

        .. table:: **Table 7** Level3

           ========= ========= ======================= ===========
           Parameter Mandatory Type                    Description
           ========= ========= ======================= ===========
           level4    No        Map<String,Level4>      Level 4.
           ========= ========= ======================= ===========

        .. table:: **Table 8** Level4

           ========= ========= ========================= ===========
           Parameter Mandatory Type                      Description
           ========= ========= ========================= ===========
           level5    No        :ref:`Level5 <l5>` object Level 5.
           ========= ========= ========================= ===========

        .. _l5:

        .. table:: **Table 9** Level5

           ========= ========= ======= ===========
           Parameter Mandatory Type    Description
           ========= ========= ======= ===========
           depth     Yes       Integer Depth.
           ========= ========= ======= ===========

        .. _rt:

        .. table:: **Table 10** Tag

           ========= ========= ====== ===========
           Parameter Mandatory Type   Description
           ========= ========= ====== ===========
           key       Yes       String Tag key.
           value     Yes       String Tag value.
           ========= ========= ====== ===========

        Response Parameters
        -------------------

        .. table:: **Table 11** Response body parameters

           ============ ======================================= ================
           Parameter    Type                                    Description
           ============ ======================================= ================
           tags         :ref:`Tag <st>` object                  Tags.
           weight       Integer                                 Traffic weight.
           workspace_id String                                  Workspace ID.
           code_tree    Array of :ref:`CodeTree <ct>` objects   Directory tree.
           auto         :ref:`Auto <au>` object                 Auto settings.
           created      Integer                                 Creation time.
           count        Integer                                 Count.
           ============ ======================================= ================

        .. _st:

        .. table:: **Table 12** Tag

           ========= ====== ===========
           Parameter Type   Description
           ========= ====== ===========
           key       String Tag key.
           value     String Tag value.
           ========= ====== ===========

        .. _ct:

        .. table:: **Table 13** CodeTree

           ========= ====== ===========
           Parameter Type   Description
           ========= ====== ===========
           name      String Name.
           ========= ====== ===========

        .. _au:

        .. table:: **Table 14** Auto

           ========= ======= ===========
           Parameter Type    Description
           ========= ======= ===========
           enabled   Boolean Enabled.
           ========= ======= ===========

        Example Requests
        ----------------

        Create a pool.

        .. code-block::

           https://{endpoint}/v2/{project_id}/pools/pool-1

           {
             "metadata" : { "os.modelarts/name" : "pool-1" },
             "spec" : { "level2" : { "level3" : [ { "level4" : { "a" : { "level5" : { "depth" : 5 } } } } ] } },
             "tags" : [ { "key" : "k", "value" : "v" } ]
           }

        Example Responses
        -----------------

        .. code-block::

           {
             "tags" : [ { "key" : "k" } ],
             "weight" : "100",
             "workspace_id" : 0,
             "code_tree" : { "name" : "code/" },
             "auto" : null,
             "created" : 1636600721742,
             "count" : "many"
           }

        Status Codes
        ------------

        =========== ===========
        Status Code Description
        =========== ===========
        201         Created
        404         Not found
        =========== ===========
        """;

    /// <summary>A GET page whose request examples show no body: a bare request target, and a request line over "{ }".</summary>
    public const string Show = """
        :original_name: ShowPool.html

        Obtaining a Pool
        ================

        URI
        ---

        GET /v2/{project_id}/pools/{pool_name}

        .. table:: **Table 1** Path Parameters

           ========== ========= ====== ===========
           Parameter  Mandatory Type   Description
           ========== ========= ====== ===========
           project_id Yes       String Project ID.
           project_id Yes       String Project ID.
           pool_name  Yes       String Pool name.
           ========== ========= ====== ===========

        Response Parameters
        -------------------

        **Status code: 200**

        .. table:: **Table 2** Response body parameters

           ========= ====== ===========
           Parameter Type   Description
           ========= ====== ===========
           name      String Pool name.
           ========= ====== ===========

        Example Requests
        ----------------

        .. code-block:: text

           GET https://{endpoint}/v2/{project_id}/pools/pool-1

           { }

        .. code-block::

           /v2/b7xxxx/pools/pool-1

        Example Responses
        -----------------

        **Status code: 202**

        .. code-block::

           ""
        """;
}
