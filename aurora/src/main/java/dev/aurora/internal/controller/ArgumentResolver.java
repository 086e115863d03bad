package dev.aurora.internal.controller;

import dev.aurora.Context;

/**
 * Produces one argument of a controller method from the request: the context itself, a converted
 * path parameter, query parameter or header, or the JSON body. Built at registration by
 * {@link ParameterBinder}; called on the connection's virtual thread for every request, so it
 * holds no per-request state.
 */
@FunctionalInterface
interface ArgumentResolver {
    /**
     * @param ctx the current request
     * @return the argument, never {@code null} for a primitive parameter
     * @throws dev.aurora.error.BadRequestException when the request lacks the value or it does
     *     not fit the parameter's type
     */
    Object resolve(Context ctx) throws Exception;
}
