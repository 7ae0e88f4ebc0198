namespace ModelArts.SpecExtractor.Tests;

/// <summary>Small pages written for the tests, one per input format, describing the same operation.</summary>
internal static class TestPages
{
    public const string Rst = """
        :original_name: CreateThing.html

        .. _CreateThing:

        Creating a Thing
        ================

        Function
        --------

        This API is used to create a thing.

        URI
        ---

        POST /v2/{project_id}/things/{group_id}

        .. table:: **Table 1** Path Parameters

           +------------+-----------+--------+---------------------+
           | Parameter  | Mandatory | Type   | Description         |
           +============+===========+========+=====================+
           | project_id | Yes       | String | Project ID.         |
           +------------+-----------+--------+---------------------+
           | group_id   | Yes       | String | Group ID.           |
           +------------+-----------+--------+---------------------+

        .. table:: **Table 2** Query Parameters

           +------------+-----------+---------+----------------------------------------------+
           | Parameter  | Mandatory | Type    | Description                                  |
           +============+===========+=========+==============================================+
           | limit      | No        | Integer | Page size. The value ranges from 1 to 100.   |
           +------------+-----------+---------+----------------------------------------------+

        Request Parameters
        ------------------

        .. table:: **Table 3** Request body parameters

           +-------------+-----------+-----------------------------------------------+--------------------------------------------------------------+
           | Parameter   | Mandatory | Type                                          | Description                                                  |
           +=============+===========+===============================================+==============================================================+
           | name        | Yes       | String                                        | Name. The value contains 1 to 64 characters. Only letters,   |
           |             |           |                                               | digits, underscores (_), and hyphens (-) are allowed.        |
           +-------------+-----------+-----------------------------------------------+--------------------------------------------------------------+
           | mode        | No        | String                                        | Mode. Options:                                               |
           |             |           |                                               |                                                              |
           |             |           |                                               | -  **fast**: quick. (Default value)                          |
           |             |           |                                               |                                                              |
           |             |           |                                               | -  **slow**: careful.                                        |
           +-------------+-----------+-----------------------------------------------+--------------------------------------------------------------+
           | source      | No        | :ref:`Source <en-us_topic_1__request_source>` | Source. Either this parameter or **sources** is used.        |
           |             |           | object                                        |                                                              |
           +-------------+-----------+-----------------------------------------------+--------------------------------------------------------------+
           | sources     | No        | Array of                                      | Sources. Either this parameter or **source** is used.        |
           |             |           | :ref:`Source <en-us_topic_1__request_source>` |                                                              |
           |             |           | objects                                       |                                                              |
           +-------------+-----------+-----------------------------------------------+--------------------------------------------------------------+
           | ratio       | No        | Double                                        | Ratio. The value range is [0,1].                             |
           +-------------+-----------+-----------------------------------------------+--------------------------------------------------------------+
           | tags        | No        | Map<String,String>                            | Tags.                                                        |
           +-------------+-----------+-----------------------------------------------+--------------------------------------------------------------+

        .. _en-us_topic_1__request_source:

        .. table:: **Table 4** Source

           +-----------+-----------+---------+-------------------------------------------------------------------------------+
           | Parameter | Mandatory | Type    | Description                                                                   |
           +===========+===========+=========+===============================================================================+
           | type      | No        | Integer | Source type. Options:                                                         |
           |           |           |         |                                                                               |
           |           |           |         | -  **0**: OBS                                                                 |
           |           |           |         |                                                                               |
           |           |           |         | -  **1**: dataset                                                             |
           +-----------+-----------+---------+-------------------------------------------------------------------------------+
           | note      | No        | String  | Note. The value contains 0 to 256 characters and does not support the         |
           |           |           |         | following special characters: ``^!<>=&"'``                                    |
           +-----------+-----------+---------+-------------------------------------------------------------------------------+

        Response Parameters
        -------------------

        **Status code**: **201**

        .. table:: **Table 5** Response body parameters

           ========= ====== ====================
           Parameter Type   Description
           ========= ====== ====================
           thing_id  String ID of the thing.
           count     Long   Number of things,
                            counted twice.
           ========= ====== ====================

        Request Example
        ---------------

        -  Creating a fast thing

           .. code-block::

              {
                "name" : "t-1",
                "mode" : "fast",
                "color" : "red"
              }

        Response Example
        ----------------

        **Status code: 201**

        Created

        .. code-block::

           {
             "thing_id" : "abc",
             "count" : "many"
           }

        Status Code
        -----------

        =========== ============
        Status Code Description
        =========== ============
        201         Created
        401         Unauthorized
        =========== ============
        """;

    public const string Markdown = """
        # 创建事物<a name="CreateThing"></a>

        ## 功能介绍

        创建事物。

        ## URI

        POST /v2/\{project\_id\}/things/\{group\_id\}

        **表 1**  路径参数

        <table><thead align="left"><tr><th><p>参数</p></th><th><p>是否必选</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr>
        </thead>
        <tbody><tr><td><p>project_id</p></td><td><p>是</p></td><td><p>String</p></td><td><p>项目ID。</p></td></tr>
        <tr><td><p>group_id</p></td><td><p>是</p></td><td><p>String</p></td><td><p>组ID。</p></td></tr>
        </tbody>
        </table>

        ## 请求参数

        **表 2**  请求Body参数

        <table><thead align="left"><tr><th><p>参数</p></th><th><p>是否必选</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr>
        </thead>
        <tbody><tr><td><p>name</p></td><td><p>是</p></td><td><p>String</p></td><td><p>名称，长度为1-64位。</p></td></tr>
        <tr><td><p>mode</p></td><td><p>否</p></td><td><p>String</p></td><td><p>模式。可选值如下：</p>
        <ul><li><p>fast：快（默认值）</p>
        </li><li><p>slow：慢</p>
        </li></ul>
        </td></tr>
        <tr><td><p>source</p></td><td><p>否</p></td><td><p><a href="#request_Source">Source</a>对象</p></td><td><p>来源，与sources二选一。</p></td></tr>
        <tr><td><p>sources</p></td><td><p>否</p></td><td><p>Array of <a href="#request_Source">Source</a> objects</p></td><td><p>来源列表，与source二选一。</p></td></tr>
        </tbody>
        </table>

        **表 3**  Source

        <a name="request_Source"></a>
        <table><thead align="left"><tr><th><p>参数</p></th><th><p>是否必选</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr>
        </thead>
        <tbody><tr><td><p>type</p></td><td><p>否</p></td><td><p>Integer</p></td><td><p>类型。可选值如下：</p>
        <ul><li><p>0：OBS</p>
        </li><li><p>1：数据集</p>
        </li></ul>
        </td></tr>
        </tbody>
        </table>

        ## 响应参数

        **状态码： 201**

        **表 4**  响应Body参数

        <table><thead align="left"><tr><th><p>参数</p></th><th><p>参数类型</p></th><th><p>描述</p></th></tr>
        </thead>
        <tbody><tr><td><p>thing_id</p></td><td><p>String</p></td><td><p>事物ID。</p></td></tr>
        </tbody>
        </table>

        ## 请求示例

        ```
        {
          "name" : "t-1",
          "mode" : "fast"
        }
        ```

        ## 响应示例

        **状态码： 201**

        创建成功

        ```
        {
          "thing_id" : "abc"
        }
        ```

        ## 状态码

        <table><thead align="left"><tr><th><p>状态码</p></th><th><p>描述</p></th></tr>
        </thead>
        <tbody><tr><td><p>201</p></td><td><p>Created</p></td></tr>
        </tbody>
        </table>
        """;

    public const string PlainText = """
        forked from docs/doc-exports
        doc-exports/docs/modelarts/api-ref/CreateThing.html

        Creating a Thing

        Function

        This API is used to create a thing.

        URI

        POST /v2/{project_id}/things/{group_id}

        Table 1 Path Parameters

        Parameter

        Mandatory

        Type

        Description

        project_id

        Yes

        String

        Project ID.

        group_id

        Yes

        String

        Group ID.

        Request Parameters

        Table 2 Request body parameters

        Parameter

        Mandatory

        Type

        Description

        name

        Yes

        String

        Name. The value contains 1 to 64 characters.

        mode

        No

        String

        Mode. The options are as follows:

          • fast: quick. (Default value)
          • slow: careful.

        source

        No

        Source object

        Source. Either this parameter or sources is used.

        sources

        No

        Array of Source objects

        Sources. Either this parameter or source is used.

        Table 3 Source

        Parameter

        Mandatory

        Type

        Description

        type

        No

        Integer

        Source type. The options are as follows:

          • 0: OBS
          • 1: dataset

        Response Parameters

        Status code: 201

        Table 4 Response body parameters

        Parameter

        Type

        Description

        thing_id

        String

        ID of the thing.

        Example Requests

        Creating a fast thing

        {
          "name" : "t-1",
          "mode" : "fast",
          "color" : "red"
        }

        Example Responses

        Status code: 201

        Created

        {
          "thing_id" : "abc"
        }

        Status Codes

        Status Code

        Description

        201

        Created

        401

        Unauthorized
        """;
}
